namespace ForeignDesk.Web.Rendering;

/// <summary>The site's only stylesheet, inlined in every page: small, readable on a phone, no web fonts.</summary>
internal static class Stylesheet
{
    public static TrustedHtml Css { get; } = new("""
        :root{--ink:#1b1b1f;--muted:#5b5e66;--line:#dcdde1;--paper:#fff;--tint:#f4f5f7;--accent:#0b57d0;--warn:#fff4d6;--warn-line:#e0b43a}
        @media (prefers-color-scheme:dark){:root{--ink:#e7e7ea;--muted:#a4a7ae;--line:#3a3c42;--paper:#141518;--tint:#1e2024;--accent:#8ab4f8;--warn:#3a3117;--warn-line:#8c6d1f}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--paper);color:var(--ink);font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
        a{color:var(--accent);text-decoration-thickness:1px;text-underline-offset:2px}
        .wrap{max-width:70rem;margin:0 auto;padding:0 1rem}
        .masthead{border-bottom:1px solid var(--line);padding:.75rem 0}
        .masthead .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem}
        .brand{font-size:1.6rem;font-weight:800;color:var(--ink);text-decoration:none;letter-spacing:-.02em}
        .brand .logo{height:2rem;width:auto;vertical-align:middle;margin-right:.5rem}
        .tagline{margin:0;color:var(--muted);flex:1 1 12rem}
        nav a{margin-right:.75rem;font-size:.95rem}
        main.wrap{padding:1rem 1rem 2rem}
        h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0 .75rem;letter-spacing:-.01em}
        @media (max-width:40rem){h1{font-size:1.6rem}}
        h2{font-size:1.3rem;line-height:1.3;margin:1.5rem 0 .5rem}
        h3,h4{line-height:1.3;margin:1.25rem 0 .5rem}
        .layout{display:grid;gap:2rem}
        @media (min-width:56rem){.layout{grid-template-columns:minmax(0,1fr) 20rem}}
        .side h2{font-size:1rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-bottom:2px solid var(--ink);padding-bottom:.25rem}
        .list{list-style:none;margin:0;padding:0}
        .list li{padding:.6rem 0;border-bottom:1px solid var(--line)}
        .list .title{font-weight:650;text-decoration:none;color:var(--ink);font-size:1.08rem;line-height:1.35}
        .list .title:hover{text-decoration:underline}
        .side .list .title{font-size:.98rem}
        .list p{margin:.2rem 0 0;color:var(--muted);font-size:.95rem}
        .meta{color:var(--muted);font-size:.85rem}
        .meta a{color:var(--muted)}
        .badge{display:inline-block;font-size:.75rem;border:1px solid var(--line);border-radius:.25rem;padding:0 .3rem;margin-left:.3rem;vertical-align:middle}
        .chips{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
        .chips a{display:inline-block;padding:.2rem .6rem;border:1px solid var(--line);border-radius:1rem;text-decoration:none;font-size:.9rem;background:var(--tint)}
        article.story{max-width:42rem}
        .teaser{font-size:1.15rem;color:var(--muted);margin-top:0}
        .byline p{margin:.1rem 0}
        .byline{color:var(--muted);font-size:.9rem;border-top:1px solid var(--line);border-bottom:1px solid var(--line);padding:.5rem 0;margin:1rem 0}
        figure{margin:1rem 0}
        figure img{display:block;width:100%;height:auto;border-radius:.25rem;background:var(--tint)}
        figcaption{color:var(--muted);font-size:.85rem;margin-top:.35rem}
        .body blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:3px solid var(--line);color:var(--muted)}
        .body img{max-width:100%;height:auto}
        .notice{background:var(--warn);border:1px solid var(--warn-line);border-radius:.25rem;padding:.6rem .8rem;margin:1rem 0}
        .engine{color:var(--muted);font-size:.85rem;font-style:italic}
        .check-failed{border-inline-start:3px solid var(--warn-line);padding-inline-start:.6rem}
        .check-note{background:var(--warn);border-radius:.25rem;font-size:.85rem;padding:.3rem .6rem;margin:-.4rem 0 1rem}
        .pair>.check-note{grid-column:1/-1;margin:0}
        .report-link{display:block;width:fit-content;margin:-.75rem 0 .5rem auto;font-size:.75rem;color:var(--muted);text-decoration:none}
        :is(h2,h3,h4)+.report-link{margin-top:0}
        .report-link:hover,.report-link:focus{text-decoration:underline}
        .pair>.report-link{margin:0 0 0 auto;padding:0 .6rem}
        .updated{font-weight:600;font-size:.95rem;margin:.5rem 0}
        .changes{max-width:42rem}
        .version{border-top:1px solid var(--line);margin-top:1.5rem}
        .diff del,.diff ins{display:block;text-decoration:none;border-inline-start:3px solid;padding:.1rem .6rem;margin:.4rem 0}
        .diff del{border-color:#b3261e;background:var(--tint)}
        .diff ins{border-color:#188038}
        .diff del>*{text-decoration:line-through;text-decoration-thickness:1px}
        .diff-label{font-size:.75rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
        .diff>div{margin:.8rem 0}
        .changed-next{border-inline-start:3px solid #b3261e;background:var(--tint);padding:.1rem .6rem;margin:.8rem 0}
        .removed-note{border-inline-start:3px solid #b3261e}
        .report-form{max-width:42rem}
        .report-form textarea{display:block;width:100%;box-sizing:border-box;font:inherit;margin-top:.3rem}
        .report-form blockquote{margin:1rem 0;padding:.25rem 1rem;border-inline-start:3px solid var(--line)}
        details.original{background:var(--tint);border-radius:.25rem;padding:.5rem .8rem;margin:1.5rem 0}
        details.original summary{cursor:pointer;font-weight:600}
        .archive-link{font-weight:600}
        .bilingual-link{font-weight:600;font-size:.95rem;margin:.5rem 0}
        .original-title{color:var(--muted);font-size:1.15rem;line-height:1.35;margin:0 0 .5rem}
        .pair,.pair-head{display:grid;gap:.4rem 2rem;padding:.5rem 0;border-bottom:1px solid var(--line)}
        .pair>*{margin:0;min-width:0;padding:.25rem .6rem}
        .pair>.original{background:var(--tint);border-inline-start:3px solid var(--line)}
        .pair>ul,.pair>ol{padding-inline-start:1.8rem}
        .pair>blockquote{font-style:italic}
        .pair>h2,.pair>h3,.pair>h4{font-size:1.15rem;line-height:1.3}
        .pair-head{display:none;color:var(--muted);font-size:.85rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
        .pair-head p{margin:0;padding:0 .6rem}
        @media (min-width:48rem){.pair-head{display:grid}.pair,.pair-head{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}.pair>.original:only-child{grid-column:2}}
        .pager{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        @media (max-width:40rem){table.cards thead{display:none}table.cards tr{display:block;border-bottom:1px solid var(--line);padding:.5rem 0}table.cards th,table.cards td{display:block;border:0;padding:.1rem 0}table.cards td::before{content:attr(data-label) ": ";color:var(--muted)}}
        .error-cell{color:#b3261e;word-break:break-word}
        .footer{border-top:1px solid var(--line);color:var(--muted);font-size:.85rem;padding:1rem 0 2rem}
        .footer p{margin:.3rem 0}
        .message{padding:2rem 0}
        .site-search{display:flex;gap:.3rem;flex:1 1 16rem;max-width:24rem}
        .site-search input,.search-form input,.search-form select{font:inherit;font-size:.95rem;padding:.2rem .4rem;border:1px solid var(--line);border-radius:.25rem;background:var(--paper);color:var(--ink)}
        .site-search input{flex:1;min-width:0}
        .search-form .filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.9rem}
        mark{background:var(--warn);color:inherit;padding:0 .1rem}
        """);
}

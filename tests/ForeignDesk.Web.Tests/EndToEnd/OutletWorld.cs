namespace ForeignDesk.Web.Tests.EndToEnd;

/// <summary>
/// The outlets the end-to-end tests follow: a Spanish one, a French one, one in both languages that names authors and
/// dates only in lines above the body, and a broken one.
/// </summary>
internal static class OutletWorld
{
    public static readonly OutletArticle Housing = new(
        "es/politica/2026/11/29/gobierno-plan-vivienda.html",
        "El Gobierno aprueba un plan de vivienda para los jóvenes",
        "El plan prevé construir veinte mil viviendas en cinco años.",
        [
            "El Consejo de Ministros aprobó este martes un plan de vivienda que beneficiará a miles de familias.",
            "Según informa <a href=\"https://www.diario-nacional.example/vivienda\">el diario nacional</a>, el plan costará tres mil millones de euros.",
            "La ministra explicó que las obras empezarán en la primavera.",
            "Los alcaldes de la región celebraron la noticia.",
        ],
        "Ana Martín",
        "2026-11-29T09:15:00+01:00",
        "Vivienda",
        "img/ministra.jpg",
        "La ministra durante la rueda de prensa en Madrid.",
        "Juan Pérez / EFE",
        SectionOnlyInBreadcrumb: true,
        SecondFigure: new OutletFigure("img/obras.jpg", "Las obras de un edificio de viviendas en Madrid.", "Luis Gómez / Europa Press", After: 3));

    public static readonly OutletArticle Prices = new(
        "es/economia/2026/11/29/precio-vivienda-sevilla.html",
        "El precio de la vivienda sube en Sevilla",
        "Los alquileres también suben en la ciudad.",
        [
            "El precio de la vivienda subió un diez por ciento en Sevilla durante el último año.",
            "Los expertos creen que los precios seguirán subiendo.",
            "El ayuntamiento prepara nuevas medidas.",
        ],
        "Luis Romero",
        "2026-11-29T08:00:00+01:00",
        "Economía",
        "img/sevilla.jpg",
        "Edificios en el centro de Sevilla.",
        "Carmen Ruiz");

    public static readonly OutletArticle Football = new(
        "es/deportes/2026/11/29/final-copa.html",
        "El equipo local gana la final de la copa",
        "Miles de aficionados celebraron el triunfo en las calles.",
        [
            "El equipo ganó el partido por dos goles a uno.",
            "El entrenador dijo que la victoria es para los aficionados.",
        ],
        "Pedro Gil",
        "2026-11-29T07:30:00+01:00",
        "Deportes",
        "img/copa.jpg",
        "Los jugadores con la copa.",
        "Marta Díaz");

    public static readonly OutletArticle Budget = new(
        "fr/monde/2026/11/29/budget.html",
        "Le gouvernement présente un nouveau budget",
        "Le ministre a présenté le budget devant le parlement.",
        [
            "Le gouvernement a présenté mardi un nouveau budget pour l'année prochaine.",
            "Le ministre a expliqué que les impôts ne changeront pas.",
        ],
        "Claire Dubois",
        "2026-11-29T10:00:00+01:00",
        "Politique",
        "img/budget.jpg",
        "Le ministre au parlement.",
        "AFP");

    public static IEnumerable<OutletArticle> Spanish => [Housing, Prices, Football];

    public static readonly LinedArticle Harbour = new(
        "gaceta/2026/11/29/port-ferries.html",
        "fr",
        "Le port accueillera de nouveaux ferries",
        "Par Claire Dubois",
        [
            "Le port de la ville accueillera trois nouveaux ferries à partir du mois de mars, a annoncé la direction mardi.",
            "Les travaux du nouveau quai commenceront en janvier et dureront six mois.",
            "Les habitants pourront visiter les bateaux lors d'une journée portes ouvertes.",
        ],
        "img/ferry.jpg",
        "Un ferry dans le port.",
        "Photo : Jean Martin");

    public static readonly LinedArticle Market = new(
        "gaceta/2026/11/28/mercado-central.html",
        "es",
        "El mercado central abre sus puertas tras la reforma",
        "Miguel Ángel Sanz · 28/11/2026 18:30",
        [
            "El mercado central de la ciudad abrió este sábado sus puertas después de dos años de obras de reforma.",
            "Los comerciantes recibieron a cientos de vecinos durante la mañana.",
            "El alcalde visitó los puestos y habló con los vendedores.",
        ],
        "img/mercado.jpg",
        "Los vecinos en el mercado central.",
        "Foto: Ana López (Europa Press)");

    public static IEnumerable<LinedArticle> Lined => [Harbour, Market];

    /// <summary>Lays every page out on the server.</summary>
    public static void Publish(OutletServer server)
    {
        foreach (var article in Spanish)
            server.Serve(article.Path, "text/html; charset=utf-8", OutletPages.Spanish(server.BaseUrl, article));
        // The photos, where a page's markup (relative to the page) or its metadata (relative to the site) puts them.
        var photo = Images.TestImages.Jpeg(800, 533);
        var images = Spanish.SelectMany(a => new[] { (a.Path, a.ImagePath), (a.Path, a.SecondFigure?.ImagePath) })
            .Concat(Lined.Select(a => (a.Path, (string?)a.ImagePath)));
        foreach (var (page, image) in images)
        {
            if (image is null) continue;
            server.Serve(new Uri(server.Url(page), image).AbsolutePath, "image/jpeg", photo);
            server.Serve(server.Url(image).AbsolutePath, "image/jpeg", photo);
        }
        server.Serve(Budget.Path, "text/html; charset=utf-8", OutletPages.French(Budget));

        var spanishItems = Spanish.Select(a => (server.Url(a.Path), a.Title, "Sun, 29 Nov 2026 08:15:00 GMT")).ToList();
        spanishItems.Add((server.Url("es/no-existe.html"), "Una noticia borrada", "Sun, 29 Nov 2026 06:00:00 GMT"));
        spanishItems.Add((server.Url("es/foto.png"), "Una imagen", "Sun, 29 Nov 2026 06:00:00 GMT"));
        spanishItems.Add((server.Url("es/sin-cuerpo.html"), "Una portada", "Sun, 29 Nov 2026 06:00:00 GMT"));
        server.Serve("es/rss.xml", "application/rss+xml", OutletPages.Rss(OutletPages.SpanishOutlet, server.BaseUrl, spanishItems));
        server.Serve("es/foto.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        server.Serve("es/sin-cuerpo.html", "text/html", "<html><head><title>Portada</title></head><body><nav><a href='/a'>Inicio</a> <a href='/b'>Deportes</a></nav></body></html>");

        server.Serve("fr/rss.xml", "application/rss+xml",
            OutletPages.Rss(OutletPages.FrenchOutlet, server.BaseUrl, [(server.Url(Budget.Path), Budget.Title, "Sun, 29 Nov 2026 09:00:00 GMT")]));
        foreach (var article in Lined)
            server.Serve(article.Path, "text/html; charset=utf-8", OutletPages.Lined(article));
        server.Serve("gaceta/rss.xml", "application/rss+xml",
            OutletPages.Rss(OutletPages.LinedOutlet, server.BaseUrl, Lined.Select(a => (server.Url(a.Path), a.Title, "Sat, 28 Nov 2026 18:30:00 GMT"))));
        server.Serve("rota/feed.xml", "text/html", "<html><body>Esto no es un feed, es una página de error.</body></html>");
    }
}

namespace ForeignDesk.Discover.Categories;

/// <summary>
/// Section words of outlets in many languages and the category each one means. Keys are compared after
/// <see cref="SectionKey.Normalize"/> (lower case, no accents), so "Política", "Politique" and "POLITICA" all match.
/// </summary>
internal static class DefaultSectionWords
{
    private static readonly (string Category, string Words)[] Table =
    [
        (CategoryTaxonomy.Politics,
            "politics political politica politique politik politica nacional nacional espana inland innenpolitik polityka politiek " +
            "politika politikk politiikka siyaset elecciones elections wahlen eleicoes elezioni election gobierno governo parlamento " +
            "parliament congreso parlament politico kraj domestic interior cronica politica politikoa eskualdea " +
            "سياسة السياسة политика выборы polítika"),
        (CategoryTaxonomy.World,
            "world international internacional internacionales mundo monde welt ausland mondo esteri estero europa europe america " +
            "americas latinoamerica latam africa asia oriente medio middle east swiat wereld buitenland dunya svijet svet " +
            "mundua munduan externe extern internationaal global sociedad societe society gesellschaft " +
            "societat sociedade " +
            "عالم العالم دولي мир world news"),
        (CategoryTaxonomy.Business,
            "business economy economia economie economics wirtschaft negocios empresas empresa mercados markets market finanzas " +
            "finance finances financas finanze bolsa borsa dinero money geld affaires entreprises gospodarka ekonomi ekonomia " +
            "ekonomika gospodarstvo mercati trabajo empleo emploi lavoro jobs vivienda immobilier companies industry " +
            "اقتصاد الاقتصاد экономика бизнес"),
        (CategoryTaxonomy.Tech,
            "tech technology tecnologia technologie technologies tecnologie tecnologias techno digital internet informatica " +
            "computing gadgets moviles smartphones redes sociales pixels netzwelt teknoloji tehnologija tehnologie " +
            "technologia ia ai intelligence artificielle inteligencia artificial " +
            "تكنولوجيا технологии"),
        (CategoryTaxonomy.Science,
            "science sciences ciencia ciencias scienza scienze wissenschaft wissen nauka bilim wetenschap znanost stiinta zientzia " +
            "ciencies espacio space espace astronomia medio ambiente environment environnement umwelt " +
            "clima climate planeta planete ambiente natura nature ecologia " +
            "علوم العلوم наука"),
        (CategoryTaxonomy.Health,
            "health salud sante saude salute gesundheit sanidad zdrowie saglik gezondheid zdravlje sanatate osasuna salut " +
            "medicina medicine medecine medizin coronavirus covid " +
            "صحة الصحة здоровье"),
        (CategoryTaxonomy.Sports,
            "sports sport deportes deporte esporte esportes desporto desportos esports spor futbol football fussball calcio " +
            "soccer tenis tennis baloncesto basket basketball ciclismo cycling motor motogp formula1 f1 rugby golf olympics " +
            "olimpiadas jjoo atletismo kirola kirolak sportowe " +
            "رياضة الرياضة спорт"),
        (CategoryTaxonomy.Life,
            "culture cultura kultur kultura cultuur cine cinema kino film films movies musica music musique musik television tv " +
            "gente people famosos celebrities celebrity estilo style lifestyle life vida vie leben viajes travel voyage viaggi reisen " +
            "gastronomia food comida cuisine cucina moda fashion mode ocio entretenimiento entertainment espectaculos spectacles " +
            "spettacoli unterhaltung libros books livres libri arte art arts panorama feuilleton tendencias tendances series " +
            "kultur sanat magazin magazine kulturen " +
            "ثقافة الثقافة فن культура"),
        (CategoryTaxonomy.Opinion,
            "opinion opiniones opiniao opinione opinioni opinio opinie opinii opinia meinung meinungen kommentar kommentare " +
            "editorial editoriales editoriale tribuna tribune tribunes columnas columna columnists column columns debat debats " +
            "idees ideas analisis analysis analyse cartas letters blogs mening gorus yazarlar komentari iritzia " +
            "رأي الرأي мнения мнение"),
    ];

    /// <summary>Every default word with its category; a word listed twice keeps its first category.</summary>
    public static IReadOnlyDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (category, words) in Table)
            foreach (var word in SectionKey.Words(SectionKey.Normalize(words)))
                map.TryAdd(word, category);
        // Phrases that their words alone would file elsewhere.
        map["middle east"] = CategoryTaxonomy.World;
        map["medio ambiente"] = CategoryTaxonomy.Science;
        map["kultur sanat"] = CategoryTaxonomy.Life;
        map["redes sociales"] = CategoryTaxonomy.Tech;
        map["inteligencia artificial"] = CategoryTaxonomy.Tech;
        map["intelligence artificielle"] = CategoryTaxonomy.Tech;
        map["ciencia y tecnologia"] = CategoryTaxonomy.Science;
        map["world news"] = CategoryTaxonomy.World;
        map["ciencia e tecnologia"] = CategoryTaxonomy.Science;
        return map;
    }
}

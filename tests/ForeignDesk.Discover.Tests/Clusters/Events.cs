using ForeignDesk.Discover.Clusters;

namespace ForeignDesk.Discover.Tests.Clusters;

/// <summary>Two earthquakes as outlets in four languages report them; Spanish and French come with an English translation, German without.</summary>
internal static class Events
{
    public static readonly DateTimeOffset Monday = new(2025, 11, 3, 6, 0, 0, TimeSpan.Zero);

    public static StoryInput Input(long id, string language, double hours, string title, string text, string? englishTitle = null, string? englishText = null)
    {
        var original = new StoryText(title, null, [text]);
        var english = language == "en" ? original : englishTitle is null ? null : new StoryText(englishTitle, null, [englishText ?? ""]);
        return new StoryInput(id, language, Monday.AddHours(hours), original, english);
    }

    public static IReadOnlyList<StoryInput> Japan(long first = 1, double offsetHours = 0) =>
    [
        Input(first, "en", offsetHours + 0.5, "Magnitude 7.1 earthquake strikes off Hokkaido, tsunami warning issued",
            "A magnitude 7.1 earthquake struck off the coast of Hokkaido in northern Japan early on Monday. Authorities issued a tsunami warning and urged residents of Kushiro and Nemuro to move to higher ground."),
        Input(first + 1, "es", offsetHours + 1, "Un terremoto de magnitud 7,1 sacude el norte de Japón",
            "Un sismo de magnitud 7,1 sacudió este lunes la isla japonesa de Hokkaido. Las autoridades emitieron una alerta de tsunami y pidieron a los vecinos de Kushiro que se alejaran de la costa.",
            "An earthquake of magnitude 7,1 shakes the north of Japan",
            "A quake of magnitude 7,1 shook this Monday the Japanese island of Hokkaido. The authorities issued a tsunami alert and asked the residents of Kushiro to move away from the coast."),
        Input(first + 2, "fr", offsetHours + 2, "Japon : un séisme de magnitude 7,1 frappe Hokkaido",
            "Un tremblement de terre de magnitude 7,1 a frappé lundi matin l'île de Hokkaido, dans le nord du Japon. Alerte au tsunami autour de Kushiro et Nemuro.",
            "Japan: an earthquake of magnitude 7,1 strikes Hokkaido",
            "An earthquake of magnitude 7,1 struck Monday morning the island of Hokkaido, in the north of Japan. Tsunami alert around Kushiro and Nemuro."),
        Input(first + 3, "de", offsetHours + 2.5, "Schweres Erdbeben der Stärke 7,1 erschüttert Japan",
            "Ein Erdbeben der Stärke 7,1 hat am Montag die japanische Insel Hokkaido erschüttert. Die Behörden gaben eine Tsunami-Warnung für die Küste bei Kushiro und Nemuro heraus."),
    ];

    public static IReadOnlyList<StoryInput> Chile(long first) =>
    [
        Input(first, "es", 20, "Sismo de magnitud 6,8 sacude Antofagasta",
            "Un sismo de magnitud 6,8 se registró la noche del lunes en la región de Antofagasta, en el norte de Chile. El Senapred descartó un tsunami.",
            "Earthquake of magnitude 6,8 shakes Antofagasta",
            "An earthquake of magnitude 6,8 was registered on Monday night in the region of Antofagasta, in the north of Chile. Senapred ruled out a tsunami."),
        Input(first + 1, "en", 21, "Strong 6.8 earthquake hits northern Chile",
            "A magnitude 6.8 earthquake shook the Antofagasta region of northern Chile late on Monday. Senapred said there was no tsunami threat."),
        Input(first + 2, "de", 22, "Erdbeben der Stärke 6,8 im Norden Chiles",
            "Im Norden Chiles hat am Montagabend ein Erdbeben der Stärke 6,8 die Region Antofagasta erschüttert. Senapred schloss einen Tsunami aus."),
    ];
}

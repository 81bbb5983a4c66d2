using ForeignDesk.Discover.Clusters;

namespace ForeignDesk.Discover.Tests.Clusters;

/// <summary>
/// One wildfire reported apart at first: an untranslated German article on the evacuations, an English one on the
/// airport, which share almost nothing; then an English report that names both sides of it.
/// </summary>
internal static class Wildfire
{
    public static StoryInput German(long id, double hours = 0) => Events.Input(id, "de", hours,
        "Waldbrand bei Marseille: Feuerwehr evakuiert 1.200 Anwohner",
        "Ein Waldbrand nahe Marseille hat am Dienstag rund 1.200 Anwohner aus ihren Häusern vertrieben. Nach Angaben der Feuerwehr im Departement Bouches-du-Rhône kämpfen 800 Einsatzkräfte gegen die Flammen, die bereits 750 Hektar zerstört haben.");

    public static StoryInput Airport(long id, double hours = 1) => Events.Input(id, "en", hours,
        "Marignane airport closes as mistral fans flames",
        "Flights at Marignane airport were suspended as smoke drifted over the runways. Mistral gusts of up to 80 km/h are grounding water-bombing aircraft, Météo-France said.");

    public static StoryInput Bridge(long id, double hours = 2) => Events.Input(id, "en", hours,
        "Marseille wildfire: 1,200 residents evacuated, Marignane airport closed",
        "A wildfire near Marseille forced 1,200 residents from their homes on Tuesday and closed Marignane airport, as mistral gusts of 80 km/h fanned the flames. Some 800 firefighters in Bouches-du-Rhône are battling the blaze, which has burned 750 hectares, Météo-France said.");
}

using ForeignDesk.Core;

namespace ForeignDesk.Discover.Clusters;

/// <summary>
/// Merging: when one article matches two or more stories strongly, they were one event reported apart (an untranslated
/// article and an English one that looked different at first). The oldest story absorbs the others, touching only
/// those stories. Guards against chaining many stories into one: every story must match strongly, the stories must
/// have started within <see cref="ClusterOptions.MergeSpan"/> of the oldest, and the result stays under
/// <see cref="ClusterOptions.MaxMergedArticles"/>.
/// </summary>
internal sealed partial class StoryIndex
{
    /// <summary>Stories merged since the index was made.</summary>
    public long Merges { get; private set; }

    internal sealed record MergeOutcome(StoryState Survivor, IReadOnlyList<long> Absorbed, IReadOnlyList<DuplicateMark> Duplicates);

    /// <returns>The survivor and what it absorbed; null when the guards let nothing merge.</returns>
    private MergeOutcome? Merge(List<StoryState> strong)
    {
        var ordered = strong.OrderBy(s => s.First).ThenBy(s => s.Id).ToList();
        var survivor = ordered[0];
        var absorbed = new List<long>();
        var duplicates = new List<DuplicateMark>();
        var size = survivor.Members.Count + 1;
        foreach (var story in ordered.Skip(1))
        {
            if (story.First - survivor.First > options.MergeSpan) continue;
            if (size + story.Members.Count > options.MaxMergedArticles) continue;
            if (TermCosine(survivor.TermSums, story.TermSums) >= options.ConfusableSimilarity) continue;
            size += story.Members.Count;
            duplicates.AddRange(Absorb(survivor, story));
            absorbed.Add(story.Id);
        }
        Merges += absorbed.Count;
        return absorbed.Count == 0 ? null : new MergeOutcome(survivor, absorbed, duplicates);
    }

    /// <summary>Moves every member of <paramref name="story"/> into <paramref name="survivor"/>, with its index postings.</summary>
    /// <returns>Members that turn out to be near-duplicates of a survivor member.</returns>
    private List<DuplicateMark> Absorb(StoryState survivor, StoryState story)
    {
        var marks = new List<DuplicateMark>();
        var earlier = survivor.Members.ToList();
        foreach (var member in story.Members)
        {
            var copy = member.DuplicateOf is null ? Duplicate(member.Features, earlier) : null;
            if (copy is { } original) marks.Add(new DuplicateMark(member.ArticleId, original));
            survivor.Add(copy is null ? member : member with { DuplicateOf = copy });
            _storyOf[member.ArticleId] = survivor.Id;
        }
        foreach (var posting in story.Posted)
        {
            if (!_postings.TryGetValue(posting, out var set)) continue;
            set.Remove(story.Id);
            if (survivor.Posted.Add(posting)) set.Add(survivor.Id);
        }
        _stories.Remove(story.Id);
        return marks;
    }
}

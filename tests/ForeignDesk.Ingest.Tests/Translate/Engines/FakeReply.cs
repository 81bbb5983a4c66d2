namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>What a fake provider does with one valid request.</summary>
internal sealed record FakeReply(FakeReplyKind Kind, int Status = 200, string? RetryAfter = null, string? Text = null)
{
    public static readonly FakeReply Ok = new(FakeReplyKind.Translate);
    public static readonly FakeReply Hang = new(FakeReplyKind.Hang);
    public static readonly FakeReply NotJson = new(FakeReplyKind.NotJson);
    public static readonly FakeReply OneShort = new(FakeReplyKind.OneShort);

    public static FakeReply Error(int status, string? retryAfter = null) => new(FakeReplyKind.Error, status, retryAfter);

    /// <summary>The same text as the translation of every segment (a hostile or broken engine).</summary>
    public static FakeReply Fixed(string text) => new(FakeReplyKind.Fixed, Text: text);
}

internal enum FakeReplyKind { Translate, Error, Hang, NotJson, OneShort, Fixed }

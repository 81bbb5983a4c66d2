using ForeignDesk.Core;
using ForeignDesk.Ingest.Detect;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Detect;

/// <summary>The language models loaded in the background as a pipeline process starts.</summary>
public sealed class LanguageModelWarmUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WarmUp_LoadsTheModelsInTheBackground_AndTheDetectorAnswersAsBefore()
    {
        var detector = new LinguaLanguageDetector();
        var warmUp = new LanguageModelWarmUp(detector, NullLogger<LanguageModelWarmUp>.Instance);

        await warmUp.StartAsync(Ct);
        Assert.NotNull(warmUp.ExecuteTask);
        await warmUp.ExecuteTask.WaitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.True(warmUp.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal("es", detector.Detect("El Gobierno presentó el martes un nuevo presupuesto para el año que viene.").Language);
        Assert.Equal("ru", detector.Detect("Правительство во вторник представило новый бюджет на следующий год.").Language);
        Assert.Equal("uk", detector.Detect("Уряд у вівторок представив новий бюджет на наступний рік.").Language);
        await warmUp.StopAsync(Ct);
    }

    [Fact]
    public async Task WarmUp_OfAnotherDetector_DoesNothing()
    {
        var detector = new CountingDetector();
        var warmUp = new LanguageModelWarmUp(detector, NullLogger<LanguageModelWarmUp>.Instance);

        await warmUp.StartAsync(Ct);
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(0, detector.Calls);
    }

    private sealed class CountingDetector : ILanguageDetector
    {
        public int Calls;

        public LanguageGuess Detect(string text)
        {
            Calls++;
            return new LanguageGuess("es", 1);
        }

        public bool Recognizes(string language) => true;
    }
}

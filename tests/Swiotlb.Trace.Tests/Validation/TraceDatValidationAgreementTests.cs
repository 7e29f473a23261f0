using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Validation;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>Every capture's trace.dat validates with the exact-match count of its trace.txt (the text buffer of the same
/// boot): a trace.dat that started late is compared with the text buffer's events from its start on.</summary>
public class TraceDatValidationAgreementTests
{
    public static TheoryData<string> CapturesWithBoth() => [.. Samples.FoldersWith("trace.txt").Intersect(Samples.FoldersWith("trace.dat"))];

    [Theory]
    [MemberData(nameof(CapturesWithBoth))]
    public void A_trace_dat_validates_as_its_trace_txt(string folder)
    {
        var textPath = Samples.Capture($"{folder}/trace.txt");
        var datPath = Samples.Capture($"{folder}/trace.dat");
        var facts = SiblingKernelFacts.Read(textPath);
        var binary = Validations.Of(datPath, facts);
        CaptureValidation text;
        using (var reader = TextReader(folder, textPath, datPath))
            text = Validations.Of(reader, facts);

        Assert.Equal((text.Model, text.Pool.Geometry), (binary.Model, binary.Pool.Geometry));
        Assert.Equal((text.Report.Mappings, text.Report.Predicted, text.Report.ExactMatches, text.Report.Mismatches),
            (binary.Report.Mappings, binary.Report.Predicted, binary.Report.ExactMatches, binary.Report.Mismatches));
    }

    private static ICaptureReader TextReader(string folder, string textPath, string datPath)
    {
        var text = CaptureOpener.Open(textPath, TextWriter.Null);
        if (!LateStartedRecordings.StartedLate(folder, "trace.dat"))
            return text;
        List<TraceEvent> lateEvents;
        using (var late = CaptureOpener.Open(datPath, TextWriter.Null))
            lateEvents = [.. late.ReadEvents()];
        return LateStartedRecordings.Reader(LateStartedRecordings.TextFromStartOf([.. text.ReadEvents()], lateEvents), text);
    }
}

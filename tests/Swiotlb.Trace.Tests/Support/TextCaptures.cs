using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Tests.Support;

/// <summary>Reads text captures from files or strings the way the CLI does.</summary>
public static class TextCaptures
{
    public static FtraceTextReader Open(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var format = CaptureFormatDetector.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, CaptureFormatDetector.HeadLength)), path);
        return new FtraceTextReader(new MemoryStream(bytes), path, format);
    }

    public static (List<TraceEvent> Events, FtraceTextReader Reader) ReadAll(string path)
    {
        var reader = Open(path);
        return ([.. reader.ReadEvents()], reader);
    }

    public static (List<TraceEvent> Events, FtraceTextReader Reader) ReadText(string text, CaptureFormat format = CaptureFormat.FtraceText)
    {
        var reader = new FtraceTextReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "test.txt", format);
        return ([.. reader.ReadEvents()], reader);
    }

    public static TraceEvent Single(string line, CaptureFormat format = CaptureFormat.FtraceText)
    {
        var (events, reader) = ReadText(line + "\n", format);
        Assert.Equal(0, reader.Statistics.MalformedLines);
        return Assert.Single(events);
    }
}

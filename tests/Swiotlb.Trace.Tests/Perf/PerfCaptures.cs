using Swiotlb.Trace.Events;
using Swiotlb.Trace.Perf;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Perf;

/// <summary>Reads <c>perf script</c> text from the sample captures or from strings.</summary>
internal static class PerfCaptures
{
    public static TheoryData<string> Folders() => [.. Samples.FoldersWith("perf-script.txt")];

    public static (List<TraceEvent> Events, PerfScriptReader Reader) ReadAll(string path)
    {
        var reader = new PerfScriptReader(new MemoryStream(File.ReadAllBytes(path)), path);
        return ([.. reader.ReadEvents()], reader);
    }

    public static (List<TraceEvent> Events, PerfScriptReader Reader) ReadText(string text)
    {
        var reader = new PerfScriptReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "perf.txt");
        return ([.. reader.ReadEvents()], reader);
    }
}

using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>A reader over files copied into a temporary folder, which goes when the reader is disposed.</summary>
internal sealed class TemporaryFolderReader(ICaptureReader inner, string folder) : ICaptureReader
{
    public CaptureMetadata Metadata => inner.Metadata;
    public ReadStatistics Statistics => inner.Statistics;
    public IEnumerable<TraceEvent> ReadEvents() => inner.ReadEvents();

    public void Dispose()
    {
        inner.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

namespace Swiotlb.Trace.TraceDat.Ring;

/// <summary>Ring-buffer data that cannot be read further; the reader turns it into a <see cref="Capture.CaptureWarning"/>.</summary>
internal sealed class RingDataException(long offset, string problem) : Exception(problem)
{
    public long Offset { get; } = offset;
}

namespace Swiotlb.Trace.Capture;

/// <summary>Something in a capture that was skipped or could not be trusted; the reading went on.</summary>
public sealed record CaptureWarning(CapturePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}

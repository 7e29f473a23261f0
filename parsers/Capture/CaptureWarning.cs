namespace Swiotlb.Trace.Capture;

/// <summary>Something in a capture that was skipped or could not be trusted; the reading went on. Every reader's
/// warnings are of this one type.</summary>
/// <param name="Kind">Which of the <see cref="WarningKinds"/> it counts under.</param>
public sealed record CaptureWarning(CapturePosition Position, string Message, string Kind = WarningKinds.Other)
{
    public override string ToString() => $"{Position}: {Message}";
}

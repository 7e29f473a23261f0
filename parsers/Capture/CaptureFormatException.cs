namespace Swiotlb.Trace.Capture;

/// <summary>A capture that cannot be read: where it went wrong and what was expected there.</summary>
/// <remarks>The message is one line meant for the user: <c>FILE:LINE: expected …, found …</c> or <c>FILE@OFFSET: …</c>.</remarks>
public sealed class CaptureFormatException(CapturePosition position, string problem)
    : Exception($"{position}: {problem}")
{
    public CapturePosition Position { get; } = position;
    public string Problem { get; } = problem;
}

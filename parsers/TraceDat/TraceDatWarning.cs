namespace Swiotlb.Trace.TraceDat;

/// <summary>A problem the reader survived: where it was, what went wrong, and what was lost because of it.</summary>
/// <param name="Section">The part of the file, e.g. <c>flyrecord buffer "" CPU 1</c>.</param>
/// <param name="Offset">The byte offset in the file (the start of the page or chunk for data inside one).</param>
/// <param name="Problem">What was found.</param>
/// <param name="Lost">What the reader could not recover, e.g. <c>the rest of CPU 1's events</c>.</param>
/// <param name="Kind">Which of the <see cref="Capture.WarningKinds"/> it counts under.</param>
public sealed record TraceDatWarning(string FileName, string Section, long Offset, string Problem, string Lost, string Kind = Capture.WarningKinds.RingData)
{
    public override string ToString() => $"{FileName}: {Section} at byte {Offset}: {Problem}; lost: {Lost}";
}

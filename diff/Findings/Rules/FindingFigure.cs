namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>Which of a diff side's rows a figure is read from: the row of its addresses (the kernel's own where the
/// capture gives them) or the row of its model (failures and searches, which only a model shows).</summary>
public enum FigureRow
{
    Addresses,
    Model,
}

/// <summary>A rule's aggregate figure: <see cref="Count"/> of <see cref="OutOf"/> per device, compared by share.</summary>
/// <param name="Metric">Its name in JSON (<c>maskViolations</c>).</param>
/// <param name="Label">Its name in the text reports (<c>min_align_mask broken, of mappings</c>).</param>
public sealed record FindingFigure(
    string Metric, string Label, FigureRow Row, Func<DeviceModelSummary, long> Count, Func<DeviceModelSummary, long> OutOf);

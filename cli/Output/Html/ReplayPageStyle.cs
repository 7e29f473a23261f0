namespace Swiotlb.Trace.Cli.Output.Html;

/// <summary>The HTML report's inline style sheet: system fonts only, nothing fetched.</summary>
public static class ReplayPageStyle
{
    public const string Css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 24px auto; max-width: 1200px; padding: 0 16px; }
        h1 { font-size: 20px; word-break: break-all; } h2 { font-size: 17px; margin-top: 28px; } h3 { font-size: 14px; margin: 4px 0; }
        .verdict { font-size: 16px; font-weight: 600; padding: 8px 12px; border-radius: 4px; }
        .verdict.findings { background: #fdecea; color: #a11; } .verdict.clean { background: #e8f5e9; color: #1b5e20; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; } .facts dt { font-weight: 600; } .facts dd { margin: 0; }
        .warnings { color: #8a5a00; } .note { color: #555; font-size: 12px; }
        .panels { display: flex; flex-wrap: wrap; gap: 16px; } .panel { border: 1px solid #ddd; border-radius: 4px; padding: 8px; }
        .swatch { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; vertical-align: middle; }
        .swatch.kept, rect.kept { background: #2e7d32; fill: #2e7d32; } .swatch.lost, rect.lost { background: #c62828; fill: #c62828; }
        figure { margin: 0; }
        svg .grid { stroke: #e4e4e4; } svg .axis { stroke: #888; } svg .label { font-size: 11px; fill: #444; } svg .mark { fill: #d62728; fill-opacity: 0.55; } svg .dot { fill: #444; } svg .chosen { fill: none; stroke: #2ca02c; stroke-width: 2; }
        svg .title { font-size: 12px; font-weight: 600; } svg .tick { font-size: 9.5px; }
        table { border-collapse: collapse; margin: 8px 0; font-size: 12px; } th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
        th { background: #f4f4f4; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        """;
}

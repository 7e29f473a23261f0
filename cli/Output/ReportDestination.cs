namespace Swiotlb.Trace.Cli.Output;

/// <summary>Where a report goes: the file named by <c>-o</c>, else standard output.</summary>
public static class ReportDestination
{
    public static void Write(string? outputPath, TextWriter standardOutput, Action<TextWriter> writeReport)
    {
        if (outputPath is null)
        {
            writeReport(standardOutput);
            return;
        }
        using var file = new StreamWriter(outputPath);
        writeReport(file);
    }
}

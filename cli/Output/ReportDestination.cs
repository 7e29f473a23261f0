namespace Swiotlb.Trace.Cli.Output;

/// <summary>Where a report goes: the file named by <c>-o</c> (written whole or not at all), else standard output.</summary>
public static class ReportDestination
{
    public static void Write(string? outputPath, TextWriter standardOutput, Action<TextWriter> writeReport)
    {
        if (outputPath is null)
        {
            writeReport(standardOutput);
            return;
        }
        using var outputs = new AtomicOutputs();
        using (var file = new StreamWriter(outputs.Create(outputPath)))
            writeReport(file);
        outputs.Commit();
    }
}

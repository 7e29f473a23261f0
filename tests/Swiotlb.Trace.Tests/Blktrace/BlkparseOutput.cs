using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Swiotlb.Trace.Tests.Blktrace;

/// <summary>One line of blkparse's default output, split into its columns; the tail is kept whole.</summary>
internal sealed record BlkparseLine(string Device, int Cpu, uint Sequence, ulong TimeNs, int Pid, string Action, string Rwbs, string Tail)
{
    private static readonly Regex Trailer = new(@"^(?:(\d+)(?: \+ (\d+))? )?\[(.*)\](?: \d+)?$");

    /// <summary>A split (X): blkparse prints <c>sector / split-sector [process]</c>, the second number being the pdu (the sector the
    /// new bio starts at), and no sector count.</summary>
    private static readonly Regex SplitTrailer = new(@"^(\d+) / (\d+) \[(.*)\]$");

    /// <summary>The sector, the sector count, the bracketed text (process name, or error on C/R lines) and, on a split, the sector
    /// it splits at, of a line that has them.</summary>
    public (ulong? Sector, uint? SectorCount, string Bracketed, ulong? SplitSector)? Trailing()
    {
        if (Action == "X" && SplitTrailer.Match(Tail) is { Success: true } split)
            return (ulong.Parse(split.Groups[1].Value), null, split.Groups[3].Value, ulong.Parse(split.Groups[2].Value));
        var match = Trailer.Match(Tail);
        if (!match.Success)
            return null;
        ulong? sector = match.Groups[1].Success ? ulong.Parse(match.Groups[1].Value) : null;
        var count = match.Groups[2].Success ? uint.Parse(match.Groups[2].Value) : 0;
        return (sector, count, match.Groups[3].Value, null);
    }
}

/// <summary>blkparse's text: run now when installed, else the capture's committed <c>blkparse.txt</c>; parsed on its own, without the reader.</summary>
internal static partial class BlkparseOutput
{
    [GeneratedRegex(@"^\s*(\d+,\d+)\s+(\d+)\s+(\d+)\s+(\d+)\.(\d{9})\s+(\d+)\s+(\S+)\s+(\S+) (.*)$")]
    private static partial Regex EventLine();

    public static (IReadOnlyList<BlkparseLine> Lines, string Source) For(string capture)
    {
        var name = Directory.EnumerateFiles(SampleCaptures.BlkFolder(capture), "*.blktrace.0").Select(Path.GetFileName).Single()!;
        var trace = Path.Combine(SampleCaptures.BlkFolder(capture), name[..name.IndexOf(".blktrace.", StringComparison.Ordinal)]);
        return RunBlkparse(trace) is { } output
            ? (Parse(output), "blkparse run now")
            : (Parse(File.ReadAllText(Path.Combine(SampleCaptures.Root, capture, "blkparse.txt"))), "committed blkparse.txt");
    }

    public static IReadOnlyList<BlkparseLine> Parse(string text) =>
        text.Split('\n')
            .Select(line => EventLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new BlkparseLine(
                match.Groups[1].Value,
                int.Parse(match.Groups[2].Value),
                uint.Parse(match.Groups[3].Value),
                ulong.Parse(match.Groups[4].Value) * 1_000_000_000 + ulong.Parse(match.Groups[5].Value),
                int.Parse(match.Groups[6].Value),
                match.Groups[7].Value,
                match.Groups[8].Value,
                match.Groups[9].Value))
            .ToList();

    private static string? RunBlkparse(string trace)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("blkparse", ["-i", trace])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}

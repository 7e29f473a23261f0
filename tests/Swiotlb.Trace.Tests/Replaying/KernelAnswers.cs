using System.Globalization;
using System.Text.RegularExpressions;

namespace Swiotlb.Trace.Tests.Replaying;

/// <summary>
/// The kernel's own answer for every mapping, read from trace.txt with regular expressions, independently of the readers:
/// per CPU, swiotlb_bounced names the device, swmap gives orig, swmapret the bounce address (nested calls pair last-in first-out).
/// </summary>
public static partial class KernelAnswers
{
    [GeneratedRegex(@"\[(\d{3})\].*?(swiotlb_bounced: dev_name: (\S+)|swmap: .* orig=0x([0-9a-f]+)|swmapret: .* ret=(0x[0-9a-f]+|\d+))")]
    private static partial Regex Line();

    public static IEnumerable<(string Device, ulong Original, ulong Bounce)> Read(string path)
    {
        var lastDevice = new Dictionary<string, string>();
        var open = new Dictionary<string, Stack<(string, ulong)>>();
        foreach (var line in File.ReadLines(path))
        {
            var match = Line().Match(line);
            if (!match.Success)
                continue;
            var cpu = match.Groups[1].Value;
            if (match.Groups[3].Success)
                lastDevice[cpu] = match.Groups[3].Value;
            else if (match.Groups[4].Success)
            {
                if (!open.TryGetValue(cpu, out var stack))
                    open[cpu] = stack = new();
                stack.Push((lastDevice[cpu], ulong.Parse(match.Groups[4].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
            else if (open.TryGetValue(cpu, out var stack) && stack.Count > 0)
            {
                var (device, original) = stack.Pop();
                var text = match.Groups[5].Value;
                var bounce = text.StartsWith("0x", StringComparison.Ordinal)
                    ? ulong.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : ulong.Parse(text, CultureInfo.InvariantCulture);
                if (bounce != ulong.MaxValue)
                    yield return (device, original, bounce);
            }
        }
    }
}

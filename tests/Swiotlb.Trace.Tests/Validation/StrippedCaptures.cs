using System.Text.RegularExpressions;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>Captures as users send them: the lab's text captures stripped of what states the pool (the <c>pool=</c>
/// argument of the map kprobe) and written alone into a folder (no <c>uname.txt</c>, no <c>dmesg.txt</c>).</summary>
internal static partial class StrippedCaptures
{
    [GeneratedRegex(@" pool=0x[0-9a-f]+")]
    private static partial Regex PoolArgument();

    /// <summary>The stripped copy of <paramref name="original"/>, in a new folder of its own; delete it with <see cref="Remove"/>.</summary>
    public static string WithoutPoolStatements(string original, Func<string, bool>? keepLine = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"swiotrace-stripped-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(original));
        File.WriteAllLines(path, File.ReadLines(original).Where(keepLine ?? (_ => true)).Select(line => PoolArgument().Replace(line, "")));
        return path;
    }

    public static void Remove(string strippedPath) => Directory.Delete(Path.GetDirectoryName(strippedPath)!, recursive: true);
}

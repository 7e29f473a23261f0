using System.Globalization;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>The file's saved command lines: pid → comm, with trace-cmd's names for the idle task and unknown pids.</summary>
internal sealed class TaskNames(IReadOnlyDictionary<int, string> names)
{
    public static TaskNames Empty { get; } = new(new Dictionary<int, string>());

    public string NameOf(int pid) => pid == 0 ? "<idle>" : names.GetValueOrDefault(pid, "<...>");

    /// <summary>Parses <c>saved_cmdlines</c>: one <c>PID COMM</c> a line.</summary>
    public static TaskNames Parse(string text)
    {
        var names = new Dictionary<int, string>();
        foreach (var line in text.Split('\n'))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && int.TryParse(line.AsSpan(0, space), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                names[pid] = line[(space + 1)..].TrimEnd('\r');
            }
        }

        return new TaskNames(names);
    }
}

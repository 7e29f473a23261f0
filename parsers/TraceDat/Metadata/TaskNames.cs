using System.Globalization;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>The file's saved command lines: pid → comm, with trace-cmd's names for the idle task and unknown pids.</summary>
internal sealed class TaskNames(Dictionary<int, string> names)
{
    private (int Pid, string Name) _last = (0, "<idle>");

    public static TaskNames Empty => new([]);

    /// <summary>The task's name; the last one asked for is kept, since consecutive events are mostly one task's.</summary>
    public string NameOf(int pid)
    {
        if (pid == _last.Pid)
            return _last.Name;
        var name = pid == 0 ? "<idle>" : names.GetValueOrDefault(pid, "<...>");
        _last = (pid, name);
        return name;
    }

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

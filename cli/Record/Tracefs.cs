namespace Swiotlb.Trace.Cli.Record;

/// <summary>tracefs, written to or (<c>--dry-run</c>) shown each write as the shell command that would make it.</summary>
internal sealed class Tracefs(string root, bool dryRun, TextWriter shown)
{
    public string Root => root;

    public string PathOf(string relative) => Path.Combine(root, relative);

    public bool Exists(string relative) => File.Exists(PathOf(relative)) || Directory.Exists(PathOf(relative));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Writes <paramref name="text"/> as one write (tracefs files act on each write).</summary>
    public void Write(string relative, string text) => Change($"echo '{text}' > {PathOf(relative)}", () => WriteOnce(relative, text, FileMode.Truncate));

    /// <summary>Appends: <c>kprobe_events</c> adds a probe per appended line, and removes one for <c>-:GROUP/NAME</c>.</summary>
    public void Append(string relative, string text) => Change($"echo '{text}' >> {PathOf(relative)}", () => WriteOnce(relative, text, FileMode.Append));

    public void CreateDirectory(string relative) => Change($"mkdir {PathOf(relative)}", () => Directory.CreateDirectory(PathOf(relative)));

    public void RemoveDirectory(string relative) => Change($"rmdir {PathOf(relative)}", () => Directory.Delete(PathOf(relative)));

    /// <exception cref="RecordException">tracefs refused the change (the message names the write).</exception>
    private void Change(string command, Action act)
    {
        if (dryRun)
        {
            shown.WriteLine(command);
            return;
        }
        try
        {
            act();
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new RecordException($"tracefs refused `{command}`: {problem.Message}");
        }
    }

    private void WriteOnce(string relative, string text, FileMode mode)
    {
        using var file = new FileStream(PathOf(relative), mode, FileAccess.Write);
        var bytes = System.Text.Encoding.ASCII.GetBytes(text + "\n");
        file.Write(bytes);
    }
}

namespace Swiotlb.Trace.Cli.Output;

/// <summary>How a text report is drawn for where it goes: colour or not, and how wide a line may be.</summary>
/// <param name="Color">ANSI colours (a terminal, <c>--color always</c>); never when <c>NO_COLOR</c> is set and the
/// choice was left to <c>auto</c>.</param>
/// <param name="Width">The longest line the one-screen report prints: the terminal's width, else <c>COLUMNS</c>, else 120.</param>
public sealed record TerminalStyle(bool Color, int Width)
{
    public const int DefaultWidth = 120;

    /// <summary>Plain text, 120 columns: files, pipes and tests.</summary>
    public static TerminalStyle Plain { get; } = new(false, DefaultWidth);

    /// <summary>The style for standard output under <c>--color</c> <paramref name="mode"/> (<c>auto</c>, <c>always</c>, <c>never</c>).</summary>
    /// <param name="toTerminal">The report goes to standard output and that is a terminal.</param>
    public static TerminalStyle For(string mode, bool toTerminal)
    {
        bool color = mode switch
        {
            "always" => true,
            "never" => false,
            _ => toTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        };
        return new TerminalStyle(color, toTerminal ? TerminalWidth() : DefaultWidth);
    }

    public string Bad(string text) => Paint(text, "1;31");

    public string Good(string text) => Paint(text, "1;32");

    public string Heading(string text) => Paint(text, "1");

    public string Quiet(string text) => Paint(text, "2");

    /// <summary><paramref name="line"/> cut to <see cref="Width"/> columns, with an ellipsis where it was cut.</summary>
    public string Fit(string line) => line.Length <= Width ? line : line[..Math.Max(0, Width - 1)] + "…";

    private string Paint(string text, string code) => Color ? $"\u001b[{code}m{text}\u001b[0m" : text;

    private static int TerminalWidth()
    {
        try
        {
            if (Console.WindowWidth is > 20 and var width)
                return width;
        }
        catch (IOException)
        {
        }
        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 20 ? columns : DefaultWidth;
    }
}

using System.CommandLine;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>Options every verb spells the same way.</summary>
public static class SharedOptions
{
    public static Argument<string> Capture() => new("capture")
    {
        Description = "A capture: ftrace text (trace, trace_pipe, trace-cmd report), a console log with an ftrace dump, trace.dat or blktrace.",
    };

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output.",
    };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Report format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}

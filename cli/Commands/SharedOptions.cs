using System.CommandLine;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>Options every verb spells the same way.</summary>
public static class SharedOptions
{
    /// <summary>The models every <c>--model</c> option names, as the registry lists them.</summary>
    public static string ModelNames { get; } = string.Join(", ", ModelRegistry.Names);

    /// <summary><c>--debug</c>, on every verb: an internal error prints its stack trace.</summary>
    public static Option<bool> Debug { get; } = new("--debug")
    {
        Description = "On an internal error (a bug, exit code 70), print the stack trace.",
        Recursive = true,
    };

    public static Argument<string> Capture() => new("capture")
    {
        Description = "A capture: ftrace text (trace, trace_pipe, trace-cmd report), a console log with an ftrace dump, trace.dat or blktrace.",
    };

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output.",
    };

    public static Option<string[]> Models()
    {
        var option = new Option<string[]>("--model", "-m")
        {
            Description = $"A model ({ModelNames}) or a kernel release; repeatable. " +
                          "Default: linux-5.10 and the capture kernel's own model (else linux-6.9).",
        };
        return CompletingModels(option);
    }

    /// <summary>A model or release a user named, checked here: a name no model answers to is a usage error (exit 2), where
    /// the layers below take it for a bug.</summary>
    /// <param name="what">How the message names the value (<c>unknown model 'x'</c>, <c>--against 'x'</c>).</param>
    /// <exception cref="UsageException">It names no model.</exception>
    public static string CheckedModel(string nameOrRelease, string what) =>
        ModelRegistry.Refuse(nameOrRelease, what) is { } problem ? throw new UsageException(problem) : nameOrRelease;

    /// <summary>A model option whose shell completion offers the registry's models.</summary>
    /// <remarks>Help keeps showing <c>&lt;model&gt;</c>: a kernel release is taken too, not only the names completed.</remarks>
    public static TOption CompletingModels<TOption>(TOption option) where TOption : Option
    {
        option.HelpName = "model";
        option.CompletionSources.Add([.. ModelRegistry.Names]);
        return option;
    }

    /// <summary><c>--color auto|always|never</c>: colour in text reports (auto: on a terminal unless <c>NO_COLOR</c> is set).</summary>
    public static Option<string> Color()
    {
        var option = new Option<string>("--color")
        {
            Description = "Colour in the text report: auto (on a terminal, unless NO_COLOR is set), always, never.",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "always", "never");
        return option;
    }

    /// <summary><c>--verbose</c>: the full text report instead of one screen.</summary>
    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "The full text report: every fact, finding with its segments and PRP entries, offset breakdown and warning (default: one screen).",
    };

    /// <summary>A verb's <c>--format</c>: the report forms it offers, the first the default.</summary>
    public static Option<ReportFormat> Format(params ReportFormat[] formats)
    {
        var option = new Option<ReportFormat>("--format")
        {
            Description = $"Report format: {string.Join(", ", formats.Select(f => f.Name()))}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong([.. formats.Select(f => f.Name())]);
        return option;
    }

    /// <summary><c>export</c>'s <c>--format</c>: the files the tables are written as.</summary>
    public static Option<string> TableFormat(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Table file format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}

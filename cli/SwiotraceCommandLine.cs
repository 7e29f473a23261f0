using System.CommandLine;
using Swiotlb.Trace.Cli.Commands;

namespace Swiotlb.Trace.Cli;

/// <summary>The <c>swiotrace</c> command line: its verbs, and the exit code for a bad command line.</summary>
public static class SwiotraceCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "swiotrace: what the Linux swiotlb bounce buffer did to your device's DMA addresses, and what another kernel would have done.");
        root.Subcommands.Add(ReplayCommand.Build());
        root.Subcommands.Add(DiffCommand.Build());
        root.Subcommands.Add(InspectCommand.Build());
        root.Subcommands.Add(ValidateCommand.Build());
        root.Subcommands.Add(ExportCommand.Build());
        root.Subcommands.Add(PoolCommand.Build());
        root.Subcommands.Add(RecordCommand.Build());
        root.Subcommands.Add(CompletionCommand.Build());
        root.Subcommands.Add(ManCommand.Build());
        root.Options.Add(SharedOptions.Debug);
        return root;
    }

    /// <summary><c> Did you mean '--model'?</c> after an unrecognised token close to a verb or option of the command.</summary>
    private static string Suggestion(string message, Command command)
    {
        const string Unrecognized = "Unrecognized command or argument '";
        if (!message.StartsWith(Unrecognized, StringComparison.Ordinal) || !message.EndsWith("'.", StringComparison.Ordinal))
            return "";
        var token = message[Unrecognized.Length..^2];
        return Suggestions.For(token, command) is { } name ? $" Did you mean '{name}'?" : "";
    }

    /// <summary>Parses and runs; output goes to the given writers so tests need no process.</summary>
    /// <remarks>Exit codes: <see cref="ExitCode"/>. Nothing escapes as an exception: what the verbs do not turn into an
    /// input error is reported as an internal error.</remarks>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
                error.WriteLine($"swiotrace: {problem.Message}{Suggestion(problem.Message, parsed.CommandResult.Command)}");
            error.WriteLine("Run 'swiotrace --help' for usage.");
            return (int)ExitCode.UsageOrInputError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception bug)
        {
            return CommandFailure.Internal(error, parsed.GetValue(SharedOptions.Debug), bug);
        }
    }
}

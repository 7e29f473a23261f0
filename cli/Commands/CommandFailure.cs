using System.CommandLine;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Replay.Validation;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>
/// The error taxonomy: an input problem (<see cref="CaptureFormatException"/>, a file that cannot be opened) or a usage problem
/// (<see cref="UsageException"/>, a capture that needs <c>--model</c>) is one line on stderr and exit code 2; anything else that escapes is a bug,
/// one line saying so and exit code 70, with the stack only under <c>--debug</c>. Never a stack trace otherwise.
/// </summary>
public static class CommandFailure
{
    public static int Guard(ParseResult parsed, Func<int> work) =>
        Guard(parsed.InvocationConfiguration.Error, parsed.GetValue(SharedOptions.Debug), work);

    public static int Guard(TextWriter error, bool debug, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception problem) when (InputProblem(problem) is { } message)
        {
            return Report(error, $"error: {message}", ExitCode.UsageOrInputError);
        }
        catch (Exception bug)
        {
            return Internal(error, debug, bug);
        }
    }

    /// <summary>Reports an exception nothing expected: a bug, exit code 70.</summary>
    public static int Internal(TextWriter error, bool debug, Exception bug)
    {
        var where = debug ? $"{Environment.NewLine}{bug}" : " (run with --debug for the stack trace)";
        return Report(error, $"internal error, a bug in swiotrace, please report it: {bug.GetType().Name}: {OneLine(bug.Message)}{where}",
            ExitCode.InternalError);
    }

    /// <summary>The one-line message of an exception that means the input or the command line is wrong, or null.</summary>
    private static string? InputProblem(Exception problem) => problem switch
    {
        CaptureFormatException or UsageException or UnknownCaptureKernelException or PoolOptionException => problem.Message,
        FileNotFoundException missing => $"{missing.FileName}: no such file",
        DirectoryNotFoundException or UnauthorizedAccessException or IOException => problem.Message,
        _ => null,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    private static int Report(TextWriter error, string message, ExitCode code)
    {
        error.WriteLine($"swiotrace: {message}");
        return (int)code;
    }
}

/// <summary>A command line that asks for something swiotrace will not do (an output over an input, two outputs on one path).</summary>
public class UsageException(string message) : Exception(message);

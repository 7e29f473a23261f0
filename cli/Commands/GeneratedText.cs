using System.CommandLine;
using Swiotlb.Trace.Cli.Output;
using Swiotlb.Trace.Cli.Shell;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>The action of the verbs that print a text generated from the command tree (<c>completion</c>, <c>man</c>):
/// the tree read from a fresh build of the command line, the text to <c>-o</c> or standard output, exit 0.</summary>
public static class GeneratedText
{
    public static void SetAction(Command command, Option<string?> output, Func<ParseResult, CommandTree, string> render) =>
        command.SetAction(parsed => CommandFailure.Guard(parsed, () =>
        {
            var text = render(parsed, CommandTree.Of(SwiotraceCommandLine.Build()));
            ReportDestination.Write(parsed.GetValue(output), parsed.InvocationConfiguration.Output, writer => writer.Write(text));
            return (int)ExitCode.Clean;
        }));
}

using System.CommandLine;
using Swiotlb.Trace.Cli.Shell;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>swiotrace completion bash|zsh|fish</c>: a shell completion script generated from the command tree.</summary>
public static class CompletionCommand
{
    public static Command Build()
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var output = SharedOptions.Output();
        var command = new Command("completion",
            "Print a completion script for bash, zsh or fish, generated from the command tree. " +
            "bash: 'source <(swiotrace completion bash)', or save it as ~/.local/share/bash-completion/completions/swiotrace; " +
            "zsh: save it as _swiotrace in a directory on $fpath; fish: save it as ~/.config/fish/completions/swiotrace.fish.")
        {
            shell, output,
        };
        GeneratedText.SetAction(command, output, (parsed, tree) => parsed.GetValue(shell) switch
        {
            "zsh" => ZshCompletion.Script(tree),
            "fish" => FishCompletion.Script(tree),
            _ => BashCompletion.Script(tree),
        });
        return command;
    }
}

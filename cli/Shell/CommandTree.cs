using System.CommandLine;
using System.CommandLine.Completions;

namespace Swiotlb.Trace.Cli.Shell;

/// <summary>An option as the shell sees it: its spellings, what it says, and whether (and from which values) it takes one.</summary>
public sealed record OptionShape(IReadOnlyList<string> Names, string Description, bool TakesValue, IReadOnlyList<string> Values);

/// <summary>A verb as the shell sees it: its options (the recursive ones of the root included), its positional
/// arguments, and the values its arguments take when they list them (else they are files).</summary>
public sealed record VerbShape(string Name, string Description, IReadOnlyList<OptionShape> Options, IReadOnlyList<string> Arguments,
    IReadOnlyList<string> ArgumentValues);

/// <summary>The command line's verbs and options read from its System.CommandLine tree: the one source of the completion
/// scripts and the man page, so neither can list an option the program lacks or miss one it has.</summary>
public sealed record CommandTree(string Program, string Description, IReadOnlyList<OptionShape> RootOptions, IReadOnlyList<VerbShape> Verbs)
{
    public static CommandTree Of(RootCommand root)
    {
        var inherited = root.Options.Where(o => o.Recursive && !o.Hidden).Select(Shape).ToList();
        var verbs = root.Subcommands.Where(c => !c.Hidden).Select(command => new VerbShape(
            command.Name,
            command.Description ?? "",
            [.. command.Options.Where(o => !o.Hidden).Select(Shape).Concat(inherited).DistinctBy(o => o.Names[0])],
            [.. command.Arguments.Where(a => !a.Hidden).Select(a => a.Name)],
            [.. command.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(c => c.Label)]));
        return new CommandTree("swiotrace", root.Description ?? "", [.. root.Options.Where(o => !o.Hidden).Select(Shape)], [.. verbs]);
    }

    /// <summary><c>-x</c> or <c>--name</c>: the spellings shells complete (not the <c>/h</c>, <c>-?</c> of help).</summary>
    private static bool IsPosixName(string name) =>
        name.Length >= 2 && name[0] == '-' && (char.IsAsciiLetter(name[1]) || (name[1] == '-' && name.Length > 2));

    private static OptionShape Shape(Option option)
    {
        var values = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        var takesValue = option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);
        return new OptionShape([.. option.Aliases.Prepend(option.Name).Where(IsPosixName).Distinct().OrderByDescending(n => n.StartsWith("--", StringComparison.Ordinal))],
            option.Description ?? "", takesValue, takesValue ? values : []);
    }
}

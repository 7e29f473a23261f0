using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Swiotlb.Trace.Cli.Shell;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>swiotrace man</c>: the manual page, swiotrace(1), generated from the command tree.</summary>
public static class ManCommand
{
    public static Command Build()
    {
        var output = SharedOptions.Output();
        var command = new Command("man",
            "Print the manual page swiotrace(1) in roff, generated from the command tree: 'swiotrace man | man -l -', " +
            "or save it as ~/.local/share/man/man1/swiotrace.1. Its date is SOURCE_DATE_EPOCH's when set, else today's.")
        {
            output,
        };
        GeneratedText.SetAction(command, output, (_, tree) => ManPage.Render(tree, Version(), PageDate()));
        return command;
    }

    private static string Version()
    {
        var informational = typeof(ManCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        return informational.Split('+')[0];
    }

    private static DateOnly PageDate() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime)
            : DateOnly.FromDateTime(DateTime.UtcNow);
}

namespace Swiotlb.Trace.Cli;

/// <summary>swiotrace's exit codes, the same for every command.</summary>
public enum ExitCode
{
    /// <summary>The work was done and found nothing to report.</summary>
    Clean = 0,
    /// <summary>The work was done and found something (offset truncation, mismatches, …).</summary>
    Findings = 1,
    /// <summary>Bad command line, or an input that cannot be read.</summary>
    UsageOrInputError = 2,
    /// <summary>A bug in swiotrace: an exception nothing expected (<c>EX_SOFTWARE</c> of sysexits.h). The stack is printed only with <c>--debug</c>.</summary>
    InternalError = 70,
}

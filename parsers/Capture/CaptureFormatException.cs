using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Swiotlb.Trace.Capture;

/// <summary>
/// The one input error every reader raises: a capture that cannot be read, where it went wrong and what was expected there.
/// The CLI reports it as one line and exit code 2; any other exception from a reader is a bug.
/// </summary>
/// <remarks>The message is one line meant for the user: <c>FILE:LINE: expected …, found …</c> or <c>FILE@OFFSET: …</c>.</remarks>
public sealed class CaptureFormatException(CapturePosition position, string problem)
    : Exception($"{position}: {problem}")
{
    public CapturePosition Position { get; } = position;
    public string Problem { get; } = problem;

    /// <summary>Throws the input error at <paramref name="position"/>: the one throw helper, kept out of the readers' hot paths.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining), StackTraceHidden]
    public static void Throw(CapturePosition position, string problem) => throw new CaptureFormatException(position, problem);

    /// <summary><see cref="Throw(CapturePosition, string)"/> where an expression is needed (<c>?? CaptureFormatException.Throw&lt;T&gt;(…)</c>).</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining), StackTraceHidden]
    public static T Throw<T>(CapturePosition position, string problem) => throw new CaptureFormatException(position, problem);
}

using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Payloads;

/// <summary>A decoded event, or what was wrong with the payload; <see cref="Note"/> is something the reader should warn about once.</summary>
public readonly record struct DecodeResult(TraceEvent? Event, string? Problem, string? Note = null)
{
    public static DecodeResult Of(TraceEvent decoded) => new(decoded, null);

    public static DecodeResult From(TraceEvent decoded, string? problem) => problem is null ? Of(decoded) : new(null, problem);

    public static DecodeResult Malformed(string problem) => new(null, problem);
}

namespace Swiotlb.Trace.Events;

/// <summary>Any event swiotrace has no type for, kept with its payload as the capture printed it.</summary>
public sealed record GenericEvent(EventHeader Header, string EventName, string Payload) : TraceEvent(Header)
{
    public override string Name => EventName;
    public override EventKind Kind => EventKind.Generic;
}

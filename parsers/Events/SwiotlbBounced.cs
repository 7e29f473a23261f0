namespace Swiotlb.Trace.Events;

/// <summary>How <c>swiotlb_bounced</c> says the bounce was decided.</summary>
/// <remarks>Kernels before 5.19 print the <c>enum swiotlb_force</c> (NORMAL, FORCE, NO_FORCE); later ones a bool (NORMAL or FORCE).</remarks>
public enum BounceForce
{
    Normal = 0,
    Force = 1,
    NoForce = 2,
}

/// <summary><c>swiotlb:swiotlb_bounced</c>: a mapping is about to be bounced. Fires before the slot search.</summary>
/// <param name="Device">The device's name, e.g. the PCI address <c>0000:00:04.0</c>.</param>
/// <param name="OriginalAddress">The original (un-bounced) physical address of the buffer.</param>
public sealed record SwiotlbBounced(
    EventHeader Header,
    string Device,
    ulong DmaMask,
    ulong OriginalAddress,
    ulong Size,
    BounceForce Force) : TraceEvent(Header)
{
    public override string Name => "swiotlb_bounced";
    public override EventKind Kind => EventKind.SwiotlbBounced;
}

using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Blktrace;

/// <summary>The kernel's 32-bit <c>dev_t</c> as blktrace writes it: major in the top 12 bits, minor in the low 20.</summary>
public static class BlktraceDevice
{
    private const int MinorBits = 20;
    private const uint MinorMask = (1u << MinorBits) - 1;

    public static DeviceNumber Decode(uint dev) => new((int)(dev >> MinorBits), (int)(dev & MinorMask));
}

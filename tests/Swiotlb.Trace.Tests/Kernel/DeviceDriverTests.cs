using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Kernel;

/// <summary>Which driver bound each PCI function, read from the boot log beside a capture; the HTML report names devices so.</summary>
public sealed class DeviceDriverTests
{
    [Fact]
    public void The_boot_log_names_the_driver_of_each_function_and_not_the_pci_core()
    {
        var facts = KernelFactsReader.FromLog(File.ReadLines(Samples.Capture("fio-mixed-6.1.0/dmesg.txt")));

        Assert.Equal("nvme", facts.DeviceDrivers!["0000:00:04.0"]);
        Assert.Equal("nvme", facts.DeviceDrivers["0000:00:05.0"]);
        Assert.Equal("ahci", facts.DeviceDrivers["0000:00:06.0"]);
        Assert.DoesNotContain("pci", facts.DeviceDrivers.Values);
    }

    [Theory]
    [InlineData("[    0.78] pci 0000:00:04.0: [1b36:0010] type 00 class 0x010802")]
    [InlineData("[    4.05] ahci 0000:00:6.0: version 3.0")]
    [InlineData("[    4.05] ahci 0000:00:0g.0: version 3.0")]
    [InlineData("[    4.05] ahci 0000:00:06.0 version 3.0")]
    [InlineData("ahci")]
    public void Lines_that_are_not_a_drivers_word_about_a_pci_function_name_nothing(string line)
    {
        Assert.Empty(KernelFactsReader.FromLog([line]).DeviceDrivers!);
    }

    [Fact]
    public void The_html_report_names_each_device_by_driver_and_disk_beside_its_pci_address()
    {
        var page = Path.Combine(Path.GetTempPath(), $"swiotrace-names-{Guid.NewGuid():N}.html");
        try
        {
            CliRun.Run("replay", Samples.Capture("fio-mixed-6.1.0/trace.txt"), "--html", page);
            var html = File.ReadAllText(page);
            Assert.Contains("<h3>0000:00:04.0 (nvme: nvme0n1) under", html, StringComparison.Ordinal);
            Assert.Contains("<h3>0000:00:06.0 (ahci) under", html, StringComparison.Ordinal);
            Assert.Contains("<td>0000:00:04.0 (nvme: nvme0n1)</td>", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(page);
        }
    }
}

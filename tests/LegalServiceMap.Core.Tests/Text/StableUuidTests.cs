using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Core.Tests.Text;

public class StableUuidTests
{
    [Fact]
    public void Version5_MatchesTheRfcExample()
    {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StableUuid.Of(dns, "www.example.com"));
    }

    [Fact]
    public void TheSameName_GivesTheSameUuid_AndAnotherNameAnother()
    {
        Assert.Equal(StableUuid.Of("hsds/service/notary-jingan"), StableUuid.Of("hsds/service/notary-jingan"));
        Assert.NotEqual(StableUuid.Of("hsds/service/notary-jingan"), StableUuid.Of("hsds/service/notary-zhabei"));
        var id = StableUuid.Of("公证").ToString();
        Assert.Equal('5', id[14]); // version 5
        Assert.Contains(id[19], "89ab"); // RFC variant
    }
}

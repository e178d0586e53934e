//! Who the client is, for the limiters only: the TCP peer, or behind a trusted reverse proxy the
//! address that proxy says it received the request from. The result is hashed into a limiter's
//! memory and used for nothing else: never logged, never stored.

use std::net::IpAddr;

/// One address or a CIDR range (`192.0.2.0/24`, `2001:db8::/32`, `127.0.0.1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((addr, prefix)) => (addr, Some(prefix)),
            None => (text, None),
        };
        let network: IpAddr = addr
            .parse()
            .map_err(|_| format!("{text:?} is not an IP address or CIDR range"))?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("{text:?}: the prefix length must be 0 to {max}"))?,
        };
        Ok(Self { network, prefix })
    }

    pub fn contains(&self, addr: IpAddr) -> bool {
        let addr = canonical(addr);
        match (self.network, addr) {
            (IpAddr::V4(net), IpAddr::V4(a)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(a)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4-mapped IPv6 address (a dual-stack socket's view of an IPv4 peer) as the IPv4 address.
fn canonical(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(addr, IpAddr::V4),
        v4 => v4,
    }
}

/// Which header the trusted proxies write the client's address into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyHeader {
    /// `X-Forwarded-For: client, proxy1, proxy2` (nginx, HAProxy, Caddy, most load balancers).
    XForwardedFor,
    /// `Forwarded: for=client, for="[2001:db8::1]:4711"` (RFC 7239).
    Forwarded,
}

impl ProxyHeader {
    pub fn parse(text: &str) -> Result<Self, String> {
        match text.to_ascii_lowercase().as_str() {
            "x-forwarded-for" => Ok(Self::XForwardedFor),
            "forwarded" => Ok(Self::Forwarded),
            _ => Err(format!(
                "{text:?} is not a proxy header: use \"x-forwarded-for\" or \"forwarded\""
            )),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::XForwardedFor => "x-forwarded-for",
            Self::Forwarded => "forwarded",
        }
    }
}

/// The reverse proxies whose word about the client is taken (`server.trusted_proxies`), and the
/// header they write it in (`server.proxy_header`). Only one header is read: a proxy that appends
/// to `X-Forwarded-For` passes a client's own `Forwarded` header through untouched, so reading
/// both would let any client choose its own limiter key.
#[derive(Debug, Clone)]
pub struct TrustedProxies {
    ranges: Vec<Cidr>,
    header: ProxyHeader,
}

impl TrustedProxies {
    pub fn new(ranges: Vec<Cidr>, header: ProxyHeader) -> Self {
        Self { ranges, header }
    }

    /// Trusts nobody: the client is always the TCP peer.
    pub fn none() -> Self {
        Self::new(Vec::new(), ProxyHeader::XForwardedFor)
    }

    pub fn header(&self) -> ProxyHeader {
        self.header
    }

    fn trusts(&self, addr: IpAddr) -> bool {
        self.ranges.iter().any(|r| r.contains(addr))
    }

    /// The client for the limiters. `values` are the values of every `header()` line of the
    /// request, in the order received. Only when the peer is a trusted proxy are they read, right
    /// to left (each proxy appends what it saw): the first address that is not itself a trusted
    /// proxy is the client. Anything unreadable stops the walk at the last address known good;
    /// if every address is a trusted proxy, the left-most one is taken.
    pub fn client<'a>(
        &self,
        peer: Option<IpAddr>,
        values: impl DoubleEndedIterator<Item = &'a str>,
    ) -> Option<IpAddr> {
        let peer = canonical(peer?);
        if !self.trusts(peer) {
            return Some(peer);
        }
        let mut client = peer;
        for value in values.rev() {
            for element in value.rsplit(',') {
                let Some(addr) = self.element(element) else {
                    return Some(client);
                };
                client = canonical(addr);
                if !self.trusts(client) {
                    return Some(client);
                }
            }
        }
        Some(client)
    }

    /// One list element's address: `192.0.2.1`, `[2001:db8::1]:443`, `192.0.2.1:80` for
    /// X-Forwarded-For; the `for=` parameter of one RFC 7239 element for Forwarded. `unknown` and
    /// obfuscated identifiers (`_hidden`) have none.
    fn element(&self, element: &str) -> Option<IpAddr> {
        let node = match self.header {
            ProxyHeader::XForwardedFor => element.trim(),
            ProxyHeader::Forwarded => element.split(';').find_map(|pair| {
                let (name, value) = pair.trim().split_once('=')?;
                name.trim()
                    .eq_ignore_ascii_case("for")
                    .then(|| value.trim().trim_matches('"'))
            })?,
        };
        node_address(node)
    }
}

/// The address of a node: a bare address, `v4:port`, `[v6]` or `[v6]:port`.
fn node_address(node: &str) -> Option<IpAddr> {
    if let Ok(addr) = node.parse::<IpAddr>() {
        return Some(addr);
    }
    if let Some(rest) = node.strip_prefix('[') {
        let (v6, _) = rest.split_once(']')?;
        return v6.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6);
    }
    let (v4, port) = node.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    v4.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn proxies(ranges: &[&str], header: ProxyHeader) -> TrustedProxies {
        TrustedProxies::new(
            ranges.iter().map(|r| Cidr::parse(r).unwrap()).collect(),
            header,
        )
    }

    #[test]
    fn ranges_parse_and_match() {
        let r = Cidr::parse("10.0.0.0/8").unwrap();
        assert!(r.contains(ip("10.200.3.4")));
        assert!(!r.contains(ip("11.0.0.1")));
        assert!(r.contains(ip("::ffff:10.1.2.3")), "IPv4-mapped");
        assert!(Cidr::parse("127.0.0.1").unwrap().contains(ip("127.0.0.1")));
        assert!(!Cidr::parse("127.0.0.1").unwrap().contains(ip("127.0.0.2")));
        let v6 = Cidr::parse("2001:db8::/32").unwrap();
        assert!(v6.contains(ip("2001:db8:ffff::1")));
        assert!(!v6.contains(ip("2001:db9::1")));
        assert!(Cidr::parse("0.0.0.0/0").unwrap().contains(ip("8.8.8.8")));
        for bad in [
            "",
            "10.0.0.0/33",
            "::/129",
            "10.0.0/8",
            "example.org",
            "10.0.0.0/x",
        ] {
            assert!(Cidr::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_says() {
        let p = proxies(&["10.0.0.1"], ProxyHeader::XForwardedFor);
        assert_eq!(
            p.client(Some(ip("192.0.2.7")), ["198.51.100.1"].into_iter()),
            Some(ip("192.0.2.7"))
        );
        let none = TrustedProxies::none();
        assert_eq!(
            none.client(Some(ip("127.0.0.1")), ["198.51.100.1"].into_iter()),
            Some(ip("127.0.0.1"))
        );
    }

    #[test]
    fn behind_trusted_proxies_the_right_most_untrusted_address_is_the_client() {
        let p = proxies(&["10.0.0.0/8"], ProxyHeader::XForwardedFor);
        let peer = Some(ip("10.0.0.1"));
        // The client claims to be 1.1.1.1; the proxy appended what it saw.
        assert_eq!(
            p.client(peer, ["1.1.1.1, 203.0.113.9, 10.0.0.2"].into_iter()),
            Some(ip("203.0.113.9"))
        );
        // Several header lines read as one list, in order.
        assert_eq!(
            p.client(peer, ["1.1.1.1", "203.0.113.9:5555"].into_iter()),
            Some(ip("203.0.113.9"))
        );
        assert_eq!(
            p.client(peer, ["[2001:db8::5]:443"].into_iter()),
            Some(ip("2001:db8::5"))
        );
        // No header: the proxy itself.
        assert_eq!(p.client(peer, std::iter::empty()), Some(ip("10.0.0.1")));
        // Garbage stops the walk at the last good address.
        assert_eq!(
            p.client(peer, ["203.0.113.9, nonsense, 10.0.0.3"].into_iter()),
            Some(ip("10.0.0.3"))
        );
    }

    #[test]
    fn the_forwarded_header_is_read_when_configured_and_only_then() {
        let p = proxies(&["127.0.0.1"], ProxyHeader::Forwarded);
        let peer = Some(ip("127.0.0.1"));
        assert_eq!(
            p.client(
                peer,
                ["for=1.1.1.1, for=\"[2001:db8::9]:80\";proto=https;by=127.0.0.1"].into_iter()
            ),
            Some(ip("2001:db8::9"))
        );
        assert_eq!(
            p.client(peer, ["For=192.0.2.60;proto=http"].into_iter()),
            Some(ip("192.0.2.60"))
        );
        // An obfuscated or unknown node: the walk stops at the proxy.
        assert_eq!(
            p.client(peer, ["for=unknown"].into_iter()),
            Some(ip("127.0.0.1"))
        );
        assert_eq!(
            p.client(peer, ["for=_hidden"].into_iter()),
            Some(ip("127.0.0.1"))
        );
    }

    #[test]
    fn proxy_header_names() {
        assert_eq!(
            ProxyHeader::parse("X-Forwarded-For").unwrap(),
            ProxyHeader::XForwardedFor
        );
        assert_eq!(
            ProxyHeader::parse("forwarded").unwrap(),
            ProxyHeader::Forwarded
        );
        assert!(ProxyHeader::parse("x-real-ip").is_err());
    }
}

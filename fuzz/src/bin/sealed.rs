//! AFL target `sealed`: see `lookout_fuzz::sealed` for what it calls and asserts.

fn main() {
    afl::fuzz!(|data: &[u8]| lookout_fuzz::sealed::check(data));
}

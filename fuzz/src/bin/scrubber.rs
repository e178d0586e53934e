//! AFL target `scrubber`: see `lookout_fuzz::scrubber` for what it calls and asserts.

fn main() {
    afl::fuzz!(|data: &[u8]| lookout_fuzz::scrubber::check(data));
}

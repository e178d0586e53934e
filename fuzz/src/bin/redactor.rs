//! AFL target `redactor`: see `lookout_fuzz::redactor` for what it calls and asserts.

fn main() {
    afl::fuzz!(|data: &[u8]| lookout_fuzz::redactor::check(data));
}

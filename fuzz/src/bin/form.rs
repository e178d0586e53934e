//! AFL target `form`: see `lookout_fuzz::form` for what it calls and asserts.

fn main() {
    afl::fuzz!(|data: &[u8]| lookout_fuzz::form::check(data));
}

//! AFL target `json_body`: see `lookout_fuzz::json_body` for what it calls and asserts.

fn main() {
    afl::fuzz!(|data: &[u8]| lookout_fuzz::json_body::check(data));
}

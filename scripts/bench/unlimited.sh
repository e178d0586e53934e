# Sourced by the benchmarks: one load generator on loopback is one client far past every limit, so
# lift them all (new reports and subscriptions, receipt follow-ups, staff sign-ins, client checks)
# and turn off the proof of work asked for when the service counts a flood. A benchmark then
# measures the service, not the limiters (which tests/api/limits.rs covers).
export LOOKOUT__LIMITS__ANONYMOUS_PER_CLIENT_PER_MINUTE=1000000000
export LOOKOUT__LIMITS__ANONYMOUS_GLOBAL_PER_MINUTE=1000000000
export LOOKOUT__LIMITS__RECEIPT_PER_CLIENT_PER_MINUTE=1000000000
export LOOKOUT__LIMITS__RECEIPT_GLOBAL_PER_MINUTE=1000000000
export LOOKOUT__LIMITS__LOGIN_PER_CLIENT_PER_MINUTE=1000000000
export LOOKOUT__LIMITS__LOGIN_GLOBAL_PER_MINUTE=1000000000
export LOOKOUT__CHECKS__PER_CLIENT_PER_MINUTE=1000000000
export LOOKOUT__CHECKS__GLOBAL_PER_MINUTE=1000000000
export LOOKOUT__LIMITS__PROOF_OF_WORK_ABOVE_PER_MINUTE=0

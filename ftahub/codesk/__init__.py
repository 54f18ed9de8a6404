"""The C/O desk: applications drafted by exporters, pre-checked, reviewed by the province's C/O officers, handed off
to the Ministry's eCoSys, and recorded with a signed C/O record once eCoSys has issued the certificate."""

"""validator903: the DfE SSDA903 (children looked after) validation rules as portable SQL."""
__version__ = "0.1.0"

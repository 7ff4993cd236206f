"""reckon.web"""
